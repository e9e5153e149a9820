/**
 * Internal: what the normal-return models need to be fitted and evaluated, namely the
 * calendar-aligned {@link io.eventide.model.internal.ModelInputs} of one listing, the per-thread
 * {@link io.eventide.model.internal.ModelFitter} and the shared usability checks ({@link
 * io.eventide.model.internal.Fits}).
 *
 * <p>Not part of the public API: an {@code internal} package may change in any release. It is
 * public only so that the study layer can build inputs and run fitters.
 */
package io.eventide.model.internal;
