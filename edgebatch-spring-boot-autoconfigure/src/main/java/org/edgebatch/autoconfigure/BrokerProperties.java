package org.edgebatch.autoconfigure;

import java.time.Duration;

/** The RabbitMQ broker between the manager and the workers (the manager and worker roles). */
public class BrokerProperties {

    /** The broker's URL, amqp://user@host:port/vhost (amqps:// for TLS); without a user, RabbitMQ's guest. */
    private String url = "amqp://localhost:5672/";

    /** The broker password, when the URL has none (else EDGEBATCH_BROKER_PASSWORD); never logged. */
    private String password;

    /** How long the manager retries sending a partition request while the broker is away before the step fails. */
    private Duration sendTimeout = Duration.ofSeconds(60);

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "BrokerProperties[url=" + url + ", password=" + (password == null ? "none" : "****") + ", sendTimeout="
                + sendTimeout + "]";
    }
}
