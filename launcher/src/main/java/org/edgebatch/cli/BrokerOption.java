package org.edgebatch.cli;

import org.edgebatch.credentials.Credentials;
import org.edgebatch.partition.amqp.BrokerSettings;
import org.edgebatch.spec.JobSpec;
import picocli.CommandLine.Option;

/** The {@code --broker} option: the RabbitMQ broker of distributed mode, its password kept out of the URL. */
final class BrokerOption {

    @Option(names = "--broker", paramLabel = "URL",
            description = "Distributed mode: the RabbitMQ broker, amqp://user@host:5672/vhost (password from"
                    + " EDGEBATCH_BROKER_PASSWORD or ~/.edgebatch/credentials.properties).")
    String value;

    /**
     * The broker a URL names, its password from the URL or the credentials.
     *
     * @throws CommandRefusal for a URL that is not an AMQP URL
     */
    static BrokerSettings settings(String url) {
        try {
            return BrokerSettings.parse(url, Credentials.ofProcess(JobSpec.edgebatchHome()));
        } catch (IllegalArgumentException e) {
            throw new CommandRefusal(e.getMessage(), e);
        }
    }

    /** The mode a job of this spec runs in: a distributed manager when it names a broker, else embedded. */
    static JobContext.Mode modeOf(JobSpec spec) {
        return spec.broker().<JobContext.Mode>map(url -> new JobContext.Mode.Manager(settings(url)))
                .orElseGet(JobContext.Mode.Embedded::new);
    }
}
