/**
 * Exchanges (time zone, session close) and trading calendars: the ordered sessions of an exchange,
 * with offsets and the first session that closes at or after an instant.
 */
package io.eventide.calendar;
