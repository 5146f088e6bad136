package io.sightline.server;

/** The launcher's exit codes, listed in {@code --help}. */
enum ExitCode {
  OK(0, "success"),
  FAILURE(1, "runtime failure"),
  USAGE(2, "invalid usage or configuration"),
  STORE_UNAVAILABLE(3, "ClickHouse unavailable or its schema could not be applied");

  final int code;
  final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }
}
