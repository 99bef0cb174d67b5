package org.edgebatch.autoconfigure;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/** Adds the {@link HeartbeatJobListener} to every job of the application, so no job has to list it. */
final class HeartbeatRegistrar implements BeanPostProcessor {

    private final ObjectProvider<HeartbeatJobListener> listener;

    HeartbeatRegistrar(ObjectProvider<HeartbeatJobListener> listener) {
        this.listener = listener;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            job.registerJobExecutionListener(listener.getObject());
        }
        return bean;
    }
}
