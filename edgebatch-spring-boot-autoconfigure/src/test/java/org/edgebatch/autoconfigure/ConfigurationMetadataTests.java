package org.edgebatch.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgebatch.detect.DetectionSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated {@code spring-configuration-metadata.json} documents every {@code edgebatch.*} property the starter
 * binds: a description for each, and the default the code starts from for each that has one.
 */
class ConfigurationMetadataTests {

    /**
     * Properties without a default: a model file is the application's to name, named models are its own, so are a
     * worker's node and the broker's password.
     */
    private static final Set<String> WITHOUT_DEFAULT = Set.of("edgebatch.model.path", "edgebatch.models",
            "edgebatch.distributed.node-id", "edgebatch.broker.password");

    @Test
    void everyBoundPropertyHasADescriptionAndItsDefault() throws Exception {
        // given: every property the starter binds, with the value a fresh properties object starts from
        Map<String, Object> bound = new HashMap<>();
        collect("edgebatch", new EdgeBatchStarterProperties(), bound);

        // when
        Map<String, JsonNode> documented = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json on the class path").isNotNull();
            for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
                documented.put(property.get("name").asString(), property);
            }
        }

        // then
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(bound.keySet());
        bound.forEach((name, initial) -> {
            JsonNode property = documented.get(name);
            assertThat(property.path("description").asString("")).as("description of %s", name).isNotBlank();
            if (WITHOUT_DEFAULT.contains(name)) {
                assertThat(property.has("defaultValue")).as("%s has no default", name).isFalse();
            } else {
                assertThat(property.has("defaultValue")).as("default of %s", name).isTrue();
                String documentedDefault = property.get("defaultValue").toString().replace("\"", "");
                if (initial instanceof Duration duration) {
                    assertThat(DurationStyle.detectAndParse(documentedDefault)).as("documented default of %s", name).isEqualTo(duration);
                } else if (initial instanceof Enum<?> constant) {
                    assertThat(documentedDefault).as("documented default of %s", name).isEqualToIgnoringCase(constant.name());
                } else {
                    assertThat(documentedDefault).as("documented default of %s", name).isEqualTo(String.valueOf(initial).replace(" ", ""));
                }
            }
        });
    }

    @Test
    void theModelDefaultsAreTheDetectorsOwn() {
        ModelProperties model = new ModelProperties();
        assertThat(model.getConfidence()).isEqualTo(DetectionSettings.DEFAULT_CONFIDENCE);
        assertThat(model.getIou()).isEqualTo(DetectionSettings.DEFAULT_IOU);
    }

    /** Walks the JavaBean properties; nested groups (classes of this package) are walked into, maps and values are leaves. */
    private static void collect(String prefix, Object bean, Map<String, Object> out) throws Exception {
        for (PropertyDescriptor descriptor : Introspector.getBeanInfo(bean.getClass(), Object.class).getPropertyDescriptors()) {
            String name = prefix + "." + kebab(descriptor.getName());
            Object value = descriptor.getReadMethod().invoke(bean);
            if (value != null && !(value instanceof Enum) && value.getClass().getPackage() == EdgeBatchStarterProperties.class.getPackage()) {
                collect(name, value, out);
            } else {
                out.put(name, switch (value) {
                    case List<?> list -> new ArrayList<>(list);
                    case null, default -> value;
                });
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
