package org.edgebatch.samples.people;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Counts the people who pass each camera per hour: {@code java -jar people-counter.jar --people-counter.footage=DIR}. */
@SpringBootApplication
@EnableConfigurationProperties(PeopleCounterProperties.class)
public class PeopleCounterApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(PeopleCounterApplication.class, args)));
    }
}
