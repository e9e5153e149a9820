package io.eventide.backtest;

import java.time.LocalDate;

/**
 * The portfolio at the end of one valuation date: a row of {@code daily.csv}.
 *
 * @param date the valuation date
 * @param dailyReturn {@code E_D / E_D' − 1}, D' the previous valuation date ({@code E_0} before the
 *     first)
 * @param equity {@code E_D}
 * @param grossExposure {@code Σ |q · mark_D| / E_D} over legs open at the end of D
 * @param netExposure {@code Σ q · mark_D / E_D}
 * @param openTrades trades whose stock leg is open at the end of D
 */
public record DailyPoint(
    LocalDate date,
    double dailyReturn,
    double equity,
    double grossExposure,
    double netExposure,
    int openTrades) {}
