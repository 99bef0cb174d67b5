package org.edgebatch.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the EdgeBatch version from the jar manifest and the Java runtime it runs on. */
final class EdgeBatchVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = EdgeBatch.class.getPackage().getImplementationVersion();
        return new String[] {
                "edgebatch " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")"
        };
    }
}
