package io.sightline.extension.genai;

/** JSON string quoting (the only JSON the helpers write by hand). */
public final class JsonText {
  private JsonText() {}

  public static void quote(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  public static String quote(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2);
    quote(sb, value);
    return sb.toString();
  }
}
