package org.edgebatch.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.edgebatch.autoconfigure.NamedDetectors;
import org.edgebatch.detect.BgrImage;
import org.edgebatch.detect.Detection;
import org.edgebatch.detect.Detector;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Spring Boot application whose only dependency is the starter and whose only settings are two properties starts,
 * and its {@link Detector} bean finds the people in {@code bus.jpg}; EdgeBatch's tables are in its database.
 */
class TwoPropertiesApplicationTests {

    /** The whole application. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    @Test
    void anApplicationWithTheStarterAndTwoPropertiesHasAWorkingDetector() {
        // given
        SpringApplicationBuilder application = new SpringApplicationBuilder(Application.class)
                .properties("edgebatch.model.path=" + SharedData.fastModel(), "edgebatch.model.confidence=0.4");

        // when
        try (ConfigurableApplicationContext context = application.run()) {
            Detector detector = context.getBean(Detector.class);
            List<Detection> found = detector.detect(BgrImage.of(SharedData.readImage("bus.jpg"))).detections();

            // then
            assertThat(detector.settings().confidence()).isEqualTo(0.4f);
            assertThat(found).extracting(Detection::label).contains("person");
            assertThat(found).allSatisfy(detection -> assertThat(detection.score()).isGreaterThanOrEqualTo(0.4f));
            assertThat(context.getBean(NamedDetectors.class).names()).isEmpty();
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM EB_DETECTION", Integer.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class)).isZero();
        }
    }
}
