package org.edgebatch.autoconfigure;

import java.time.Duration;

/** The heartbeat of the application's running job executions, which tells a dead process's executions from live ones. */
public class HeartbeatProperties {

    /** Whether every job of the application beats while it runs (a row in EB_HEARTBEAT per running execution). */
    private boolean enabled = true;

    /** How often a running execution's heartbeat is renewed; three missed beats count as a dead process. */
    private Duration interval = Duration.ofSeconds(2);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }
}
