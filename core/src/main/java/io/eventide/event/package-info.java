/**
 * Announcements as events: when they were made, what they affect, each affected listing's day 0 on
 * its own exchange, and the other events that fall inside a firm-event's windows.
 */
package io.eventide.event;
