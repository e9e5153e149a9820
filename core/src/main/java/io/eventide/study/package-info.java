/**
 * The event study: its specification, the resolution of events into firm-events on index ranges,
 * the per-firm-event computation (map), the mergeable reduction into window samples, results and
 * outcome codes.
 */
package io.eventide.study;
