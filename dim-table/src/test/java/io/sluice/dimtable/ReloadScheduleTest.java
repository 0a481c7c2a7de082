package io.sluice.dimtable;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** When an ALL cache reloads. Pure time arithmetic: no service involved. */
class ReloadScheduleTest {

    private static final ZonedDateTime UTC_0259_30 = ZonedDateTime.parse("2026-11-22T02:59:30Z");

    @Test
    void dailyReloadWaitsUntilTheNextUtcTimeOfDay() {
        ReloadSchedule schedule = ReloadSchedule.of(CacheConfig.allReloadedDailyAt(LocalTime.of(3, 0)), UTC_0259_30);
        assertThat(schedule.firstDelayMs()).isEqualTo(30_000);
        assertThat(schedule.periodMs()).isEqualTo(Duration.ofDays(1).toMillis());
    }

    @Test
    void aTimeAlreadyPassedTodayMeansTomorrow() {
        assertThat(ReloadSchedule.millisUntil(LocalTime.of(2, 0), UTC_0259_30))
                .isEqualTo(Duration.ofHours(23).plusSeconds(30).toMillis());
    }

    @Test
    void theTaskManagersTimeZoneDoesNotMatter() {
        ZonedDateTime sameInstantInTokyo = UTC_0259_30.withZoneSameInstant(ZoneId.of("Asia/Tokyo"));
        assertThat(ReloadSchedule.millisUntil(LocalTime.of(3, 0), sameInstantInTokyo)).isEqualTo(30_000);
    }

    @Test
    void intervalReloadRepeatsTheInterval() {
        ReloadSchedule schedule = ReloadSchedule.of(CacheConfig.all(Duration.ofMinutes(5)), UTC_0259_30);
        assertThat(schedule.firstDelayMs()).isEqualTo(300_000);
        assertThat(schedule.periodMs()).isEqualTo(300_000);
    }

    @Test
    void withoutIntervalOrTimeTheTableIsLoadedOnce() {
        assertThat(ReloadSchedule.of(CacheConfig.all(null), UTC_0259_30)).isNull();
    }
}
