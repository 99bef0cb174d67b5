package org.edgebatch.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The footage of a site and what it turns into over a billing period: camera-hours, GB uploaded, stored GB-months
 * (each month's archive holds up to {@code retentionMonths} of footage; {@code archiveStartsFull} bills a steady
 * state, otherwise the archive fills from empty), frames, images analysed at {@code analysedFps} per camera, and
 * storage requests (one object per {@code segmentSeconds} of a camera's footage). A year is 365 days, a month a
 * twelfth of it.
 */
public record FootageVolume(int cameras, String resolution, BigDecimal fps, BigDecimal gbPerCameraHour,
                            BigDecimal hoursPerDay, int retentionMonths, int billingMonths, boolean archiveStartsFull,
                            BigDecimal analysedFps, BigDecimal segmentSeconds) {

    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    public FootageVolume {
        Objects.requireNonNull(fps, "fps is missing");
        Objects.requireNonNull(gbPerCameraHour, "gbPerHour is missing");
        Objects.requireNonNull(hoursPerDay, "hoursPerDay is missing");
        Objects.requireNonNull(analysedFps, "analysedFps is missing");
        Objects.requireNonNull(segmentSeconds, "segmentSeconds is missing");
        if (cameras <= 0) {
            throw new IllegalArgumentException("cameras must be > 0, was " + cameras);
        }
        if (resolution != null && !resolution.matches("\\d+x\\d+")) {
            throw new IllegalArgumentException("resolution must look like 3840x2160, was '" + resolution + "'");
        }
        positive(fps, "fps");
        positive(gbPerCameraHour, "gbPerHour");
        positive(segmentSeconds, "segmentSeconds");
        if (hoursPerDay.signum() <= 0 || hoursPerDay.compareTo(BigDecimal.valueOf(24)) > 0) {
            throw new IllegalArgumentException("hoursPerDay must be > 0 and <= 24, was " + hoursPerDay.toPlainString());
        }
        if (retentionMonths <= 0) {
            throw new IllegalArgumentException("retentionMonths must be > 0, was " + retentionMonths);
        }
        if (billingMonths <= 0) {
            throw new IllegalArgumentException("billingMonths must be > 0, was " + billingMonths);
        }
        if (analysedFps.signum() < 0 || analysedFps.compareTo(fps) > 0) {
            throw new IllegalArgumentException("analysedFps must be between 0 and fps (" + fps.toPlainString()
                    + "), was " + analysedFps.toPlainString());
        }
    }

    /** Megabits per second per camera to GB per camera-hour (decimal units: 1 GB = 8,000 Mbit). */
    public static BigDecimal gbPerHourFromMbps(BigDecimal megabitsPerSecond) {
        return megabitsPerSecond.multiply(SECONDS_PER_HOUR).divide(BigDecimal.valueOf(8000), Money.PRECISION);
    }

    public FootageVolume withCameras(int newCameras) {
        return new FootageVolume(newCameras, resolution, fps, gbPerCameraHour, hoursPerDay, retentionMonths,
                billingMonths, archiveStartsFull, analysedFps, segmentSeconds);
    }

    /** Hours of footage recorded by all cameras in the billing period. */
    public BigDecimal cameraHours() {
        return Money.divide(BigDecimal.valueOf(cameras).multiply(hoursPerDay).multiply(DAYS_PER_YEAR)
                .multiply(BigDecimal.valueOf(billingMonths)), MONTHS_PER_YEAR);
    }

    public BigDecimal ingestGbPerMonth() {
        return Money.divide(BigDecimal.valueOf(cameras).multiply(gbPerCameraHour).multiply(hoursPerDay)
                .multiply(DAYS_PER_YEAR), MONTHS_PER_YEAR);
    }

    /** All footage of the period, which the centralized scenario uploads. */
    public BigDecimal uploadedGb() {
        return cameraHours().multiply(gbPerCameraHour);
    }

    public BigDecimal storedGbMonths() {
        long monthsOfFootage = 0;
        for (int month = 1; month <= billingMonths; month++) {
            monthsOfFootage += archiveStartsFull ? retentionMonths : Math.min(month, retentionMonths);
        }
        return ingestGbPerMonth().multiply(BigDecimal.valueOf(monthsOfFootage));
    }

    public BigDecimal frames() {
        return cameraHours().multiply(SECONDS_PER_HOUR).multiply(fps);
    }

    public BigDecimal images() {
        return cameraHours().multiply(SECONDS_PER_HOUR).multiply(analysedFps);
    }

    public BigDecimal requests() {
        return Money.divide(cameraHours().multiply(SECONDS_PER_HOUR), segmentSeconds);
    }

    /** One line for reports: what footage this is. */
    public String describe() {
        return cameras + " camera" + (cameras == 1 ? "" : "s")
                + (resolution == null ? "" : ", " + resolution) + " at " + Amounts.quantity(fps) + " fps, "
                + Amounts.quantity(gbPerCameraHour) + " GB per camera-hour, " + Amounts.quantity(hoursPerDay)
                + " h/day, retention " + retentionMonths + " months, billed " + billingMonths + " months ("
                + (archiveStartsFull ? "archive already full" : "archive filling from empty") + ")";
    }

    private static void positive(BigDecimal value, String field) {
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, was " + value.toPlainString());
        }
    }
}
