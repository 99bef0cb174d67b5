package org.edgebatch.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * An S3-compatible server (S3Proxy) in the test's JVM on 127.0.0.1, keeping its objects in a folder so they outlive a
 * {@link #stop()} and {@link #start()} on the same port (an outage). {@link #holdPutsAfter} makes it store some objects
 * and then leave every later upload hanging, so a test can kill a publisher between two uploads.
 */
public final class S3TestServer implements AutoCloseable {

    public static final String ACCESS_KEY = "edgebatch-test";
    public static final String SECRET_KEY = "edgebatch-test-secret";

    private final BlobStoreContext context;
    private final AtomicInteger puts = new AtomicInteger();
    private volatile int holdAfter = Integer.MAX_VALUE;
    private volatile CountDownLatch release = new CountDownLatch(0);
    private S3Proxy proxy;
    private int port;

    private S3TestServer(Path folder) {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", folder.toAbsolutePath().toString());
        this.context = ContextBuilder.newBuilder("filesystem").overrides(properties).build(BlobStoreContext.class);
    }

    /** A started server whose objects are kept under {@code folder}. */
    public static S3TestServer start(Path folder) throws Exception {
        S3TestServer server = new S3TestServer(folder);
        server.start();
        return server;
    }

    /** Starts (again, on the port of the first start). */
    public synchronized void start() throws Exception {
        proxy = S3Proxy.builder().blobStore(new HoldingBlobStore(context.getBlobStore()))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("S3Proxy did not start within 20 s: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        port = proxy.getPort();
    }

    /** Stops listening; the objects stay. */
    public synchronized void stop() throws Exception {
        release.countDown();
        proxy.stop();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public void createBucket(String bucket) {
        context.getBlobStore().createContainerInLocation(null, bucket);
    }

    /** The keys of the objects in {@code bucket}, as the store itself sees them (not through S3). */
    public List<String> keys(String bucket) {
        return context.getBlobStore().list(bucket, ListContainerOptions.Builder.recursive()).stream()
                .filter(meta -> meta.getType() == StorageType.BLOB).map(StorageMetadata::getName).sorted().toList();
    }

    /** Objects stored through S3 since the start. */
    public int puts() {
        return puts.get();
    }

    /** Stores {@code count} more objects, then holds every later upload until {@link #release()} or a stop. */
    public void holdPutsAfter(int count) {
        release = new CountDownLatch(1);
        holdAfter = puts.get() + count;
    }

    public void release() {
        holdAfter = Integer.MAX_VALUE;
        release.countDown();
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            context.close();
        }
    }

    private final class HoldingBlobStore extends ForwardingBlobStore {

        HoldingBlobStore(BlobStore delegate) {
            super(delegate);
        }

        @Override
        public String putBlob(String container, Blob blob) {
            return putBlob(container, blob, PutOptions.NONE);
        }

        @Override
        public String putBlob(String container, Blob blob, PutOptions options) {
            if (puts.get() >= holdAfter) {
                try {
                    release.await(10, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String eTag = super.putBlob(container, blob, options);
            puts.incrementAndGet();
            return eTag;
        }
    }
}
