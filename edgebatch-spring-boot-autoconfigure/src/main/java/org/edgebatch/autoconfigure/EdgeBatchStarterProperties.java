package org.edgebatch.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The starter's {@code edgebatch.*} settings: the application's detector models, EdgeBatch's tables, the heartbeat of running jobs, and where partitions placed by node run (distributed, broker). (The CLI's
 * process settings, {@code edgebatch.decoder-threads} and the like, belong to the CLI's job and are not read here.)
 * JavaBean properties, so the configuration processor documents each one from its field's Javadoc and initial value.
 */
@ConfigurationProperties("edgebatch")
public class EdgeBatchStarterProperties {

    /** The application's detector, exposed as the {@code Detector} bean when its path is set. */
    @NestedConfigurationProperty
    private ModelProperties model = new ModelProperties();

    /** More detectors by name, each exposed through the {@code NamedDetectors} bean. */
    private Map<String, ModelProperties> models = new LinkedHashMap<>();

    /** EdgeBatch's tables in the application's database. */
    @NestedConfigurationProperty
    private TablesProperties tables = new TablesProperties();

    /** The heartbeat of running job executions. */
    @NestedConfigurationProperty
    private HeartbeatProperties heartbeat = new HeartbeatProperties();

    /** Where the partitions of partitioned steps placed by node run. */
    @NestedConfigurationProperty
    private DistributedProperties distributed = new DistributedProperties();

    /** The RabbitMQ broker of the manager and worker roles. */
    @NestedConfigurationProperty
    private BrokerProperties broker = new BrokerProperties();

    public DistributedProperties getDistributed() {
        return distributed;
    }

    public void setDistributed(DistributedProperties distributed) {
        this.distributed = distributed;
    }

    public BrokerProperties getBroker() {
        return broker;
    }

    public void setBroker(BrokerProperties broker) {
        this.broker = broker;
    }

    public HeartbeatProperties getHeartbeat() {
        return heartbeat;
    }

    public void setHeartbeat(HeartbeatProperties heartbeat) {
        this.heartbeat = heartbeat;
    }

    public ModelProperties getModel() {
        return model;
    }

    public void setModel(ModelProperties model) {
        this.model = model;
    }

    public Map<String, ModelProperties> getModels() {
        return models;
    }

    public void setModels(Map<String, ModelProperties> models) {
        this.models = models;
    }

    public TablesProperties getTables() {
        return tables;
    }

    public void setTables(TablesProperties tables) {
        this.tables = tables;
    }
}
