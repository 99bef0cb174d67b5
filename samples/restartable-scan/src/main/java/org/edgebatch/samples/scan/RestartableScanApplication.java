package org.edgebatch.samples.scan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Scans several folders for people, one partition per video; run it again with {@code --restartable-scan.restart=ID}
 * to continue a failed execution where it stopped.
 */
@SpringBootApplication
@EnableConfigurationProperties(ScanProperties.class)
public class RestartableScanApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(RestartableScanApplication.class, args)));
    }
}
