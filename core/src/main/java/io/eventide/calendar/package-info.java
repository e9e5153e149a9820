/**
 * Exchanges and trading calendars. {@link io.eventide.calendar.Exchange} is an open value type
 * (code, optional MIC, time zone, session open and close) with twenty built-ins; an {@link
 * io.eventide.calendar.ExchangeRegistry} looks exchanges up by code or MIC among the built-ins and
 * your own definitions. {@link io.eventide.calendar.TradingCalendar} holds the ordered sessions of
 * an exchange, with offsets and the first session that closes at or after an instant.
 */
package io.eventide.calendar;
