package org.edgebatch.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetSpecTests {

    @Test
    void eachFormParsesToItsRecord() {
        assertThat(TargetSpec.parse("all")).isEqualTo(new TargetSpec.AllNodes());
        assertThat(TargetSpec.parse("any")).isEqualTo(new TargetSpec.AnyNode());
        assertThat(TargetSpec.parse("node:edge-01.lab")).isEqualTo(new TargetSpec.NamedNode("edge-01.lab"));
        assertThat(TargetSpec.parse("label:site=lobby")).isEqualTo(new TargetSpec.LabelledNodes("site", "lobby"));
        assertThat(TargetSpec.parse(" all ")).isEqualTo(new TargetSpec.AllNodes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "any", "node:edge-01.lab", "label:zone/floor=2"})
    void theTextIsWhatWasWritten(String text) {
        assertThat(TargetSpec.parse(text).text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALL", "nodes:a", "node:", "node:-a", "label:", "label:a", "label:a=", "label:=b", "label:a=b=c", ""})
    void anythingElseIsRefusedNamingTheString(String text) {
        assertThatThrownBy(() -> TargetSpec.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("was '" + text + "'");
    }
}
