package io.sightline.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeysTest {
  @Test
  void open_everyRequestIsDefaultProject() {
    assertThat(ApiKeys.open().required()).isFalse();
    assertThat(ApiKeys.open().projectFor(null, null)).isEqualTo("default");
  }

  @Test
  void parse_keysMapToProjects_viaBearerOrHeader() {
    ApiKeys keys = ApiKeys.parse("k-alpha=alpha, k-beta=beta");
    assertThat(keys.required()).isTrue();
    assertThat(keys.projectFor("Bearer k-alpha", null)).isEqualTo("alpha");
    assertThat(keys.projectFor("bearer k-beta", null)).isEqualTo("beta");
    assertThat(keys.projectFor(null, "k-beta")).isEqualTo("beta");
    assertThat(keys.projectFor("Bearer nope", null)).isNull();
    assertThat(keys.projectFor(null, null)).isNull();
    assertThat(keys.projectFor("Basic k-alpha", null)).isNull();
  }

  @Test
  void parse_badEntry_namesSettingWithoutLeakingKey() {
    assertThatThrownBy(() -> ApiKeys.parse("supersecret"))
        .hasMessageContaining("sightline.api-keys").hasMessageNotContaining("supersecret");
    assertThatThrownBy(() -> ApiKeys.parse("k=bad project"))
        .hasMessageContaining("bad project");
  }
}
