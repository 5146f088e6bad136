package io.sightline.extension.instrumentation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Properties;
import java.util.jar.Manifest;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Gates an instrumentation to the library versions it was tested with. Without Gradle's muzzle
 * there is no automatic reference check at run time, so each module states its range explicitly:
 * the version is read from the jar that holds a marker class (its manifest's
 * {@code Implementation-Version}, else Maven's {@code pom.properties}). When no version can be
 * read (repackaged jars), the marker class alone decides.
 */
public final class LibraryVersion extends ElementMatcher.Junction.AbstractBase<ClassLoader> {
  private final String markerClass;
  private final String pomProperties;
  private final int[] minInclusive;
  private final int[] maxExclusive;

  /**
   * @param markerClass a class every supported version has
   * @param groupAndArtifact {@code group/artifact}, to find Maven's pom.properties
   * @param minInclusive lowest supported version
   * @param maxExclusive first unsupported version
   */
  public LibraryVersion(String markerClass, String groupAndArtifact, String minInclusive, String maxExclusive) {
    this.markerClass = markerClass.replace('.', '/') + ".class";
    this.pomProperties = "META-INF/maven/" + groupAndArtifact + "/pom.properties";
    this.minInclusive = parse(minInclusive);
    this.maxExclusive = parse(maxExclusive);
  }

  @Override
  public boolean matches(ClassLoader classLoader) {
    ClassLoader cl = classLoader != null ? classLoader : ClassLoader.getSystemClassLoader();
    URL marker = cl.getResource(markerClass);
    if (marker == null) {
      return false;
    }
    String version = versionOf(cl, marker);
    return version == null || inRange(version);
  }

  boolean inRange(String version) {
    int[] v = parse(version);
    return compare(v, minInclusive) >= 0 && compare(v, maxExclusive) < 0;
  }

  private String versionOf(ClassLoader cl, URL marker) {
    String url = marker.toString();
    int bang = url.lastIndexOf("!/");
    if (bang > 0) {
      try (InputStream in = new URL(url.substring(0, bang + 2) + "META-INF/MANIFEST.MF").openStream()) {
        String version = new Manifest(in).getMainAttributes().getValue("Implementation-Version");
        if (version != null) {
          return version;
        }
      } catch (IOException | RuntimeException e) {
        // fall through to pom.properties
      }
    }
    URL pom = cl.getResource(pomProperties);
    if (pom != null) {
      try (InputStream in = pom.openStream()) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version");
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  /** Numeric parts of a version ("1.19.0-beta29" → 1, 19, 0); non-numeric suffixes are ignored. */
  static int[] parse(String version) {
    String[] parts = version.split("[.-]");
    int[] out = new int[3];
    for (int i = 0; i < Math.min(3, parts.length); i++) {
      String digits = parts[i].replaceAll("[^0-9].*$", "");
      out[i] = digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
    return out;
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return a[i] < b[i] ? -1 : 1;
      }
    }
    return 0;
  }

  @Override
  public String toString() {
    return "LibraryVersion(" + markerClass + ")";
  }
}
