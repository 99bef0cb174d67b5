package org.edgebatch.ort;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one {@link OrtRuntime}, as a constructor, {@code @BeforeAll}, {@code @AfterAll} or test method
 * parameter, and closes it after the class's last test. Shared by other modules' tests through this module's test jar.
 */
public final class OrtRuntimeExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OrtRuntimeExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OrtRuntime.class;
    }

    @Override
    public OrtRuntime resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // In the class's store: every test of the class shares the runtime, and JUnit closes it (it is AutoCloseable)
        // when the class is done, after its @AfterAll methods.
        return classContext(context).getStore(NAMESPACE)
                .computeIfAbsent(OrtRuntime.class, type -> OrtRuntime.create(), OrtRuntime.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext;
    }
}
