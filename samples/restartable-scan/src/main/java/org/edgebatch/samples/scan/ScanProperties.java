package org.edgebatch.samples.scan;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sample's settings.
 *
 * @param folders   the folders to scan by the node that holds them, e.g. {@code restartable-scan.folders.cam-a=/srv/a}
 * @param restart   a failed or stopped execution to restart instead of starting a new scan (default: none)
 * @param chunkSize frames per transaction (default 8)
 */
@ConfigurationProperties("restartable-scan")
public record ScanProperties(Map<String, Path> folders, Long restart, @DefaultValue("8") int chunkSize) {

    public ScanProperties {
        if (folders == null || folders.isEmpty()) {
            throw new IllegalArgumentException("restartable-scan.folders must name at least one folder, e.g."
                    + " restartable-scan.folders.cam-a=/srv/a");
        }
        folders = Map.copyOf(folders);
    }
}
