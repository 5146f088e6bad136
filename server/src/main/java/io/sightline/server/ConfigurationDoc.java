package io.sightline.server;

import io.sightline.config.Setting;
import java.util.List;
import java.util.Map;

/** Renders every setting as the Markdown table of docs/configuration.md. */
final class ConfigurationDoc {
  static final String BEGIN = "<!-- settings:begin (generated from the code: ConfigurationDocTest) -->";
  static final String END = "<!-- settings:end -->";

  private ConfigurationDoc() {}

  static String render() {
    StringBuilder sb = new StringBuilder(BEGIN).append('\n');
    for (Map.Entry<String, List<Setting>> group : AllSettings.byGroup().entrySet()) {
      sb.append("\n### ").append(group.getKey()).append("\n\n");
      sb.append("| environment variable | `-D` property | default | meaning |\n");
      sb.append("| --- | --- | --- | --- |\n");
      for (Setting s : group.getValue()) {
        String def = s.defaultValue() == null ? "_unset_" : s.defaultValue().isEmpty() ? "_empty_"
            : "`" + s.defaultValue() + "`";
        sb.append("| `").append(s.env()).append("` | `").append(s.property()).append("` | ")
            .append(def).append(" | ").append(s.description().replace("|", "\\|")).append(" |\n");
      }
    }
    return sb.append('\n').append(END).toString();
  }
}
