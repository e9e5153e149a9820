/** Views of study results: Tablesaw tables, text summaries and charts. */
package io.eventide.report;
