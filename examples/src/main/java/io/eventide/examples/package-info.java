/**
 * Narrated example programs: each class asks one question of the bundled sample data and answers it
 * with the Eventide API. {@link io.eventide.examples.JulyTwentyTwentyThreeStudy} is the main job
 * that {@code java -jar examples/target/eventide.jar} runs.
 */
package io.eventide.examples;
