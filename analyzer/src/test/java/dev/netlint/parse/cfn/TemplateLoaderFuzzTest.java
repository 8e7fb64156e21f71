package dev.netlint.parse.cfn;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for template loading: any bytes end in a mapping or an {@link InputException}, never
 * another exception. Regression mode replays the inputs under {@code
 * TemplateLoaderFuzzTestInputs/}; {@code -Pfuzz} fuzzes.
 */
class TemplateLoaderFuzzTest {
  private static final TemplateLoader LOADER = new TemplateLoader();

  @FuzzTest(maxDuration = "2m")
  void json(byte[] data) {
    load(data, TemplateLoader.Format.JSON);
  }

  @FuzzTest(maxDuration = "2m")
  void yaml(byte[] data) {
    load(data, TemplateLoader.Format.YAML);
  }

  private static void load(byte[] data, TemplateLoader.Format format) {
    try {
      LOADER.parse(data, format, "fuzz");
    } catch (InputException expected) {
      // Malformed input is reported, which is what the loader is for.
    }
  }
}
