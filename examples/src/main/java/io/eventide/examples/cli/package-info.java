/**
 * The {@code eventide} command line ({@code docs/cli.md}): picocli commands that read files, run a
 * study and write its results. Exit codes: 0 success, 2 bad usage or bad input, 1 anything else; no
 * stack trace reaches the user.
 */
package io.eventide.examples.cli;
