package io.twinworks.runtime.config;

/** A configuration value that cannot be used; the message starts with the key. */
public final class InvalidConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String key, String problem) {
    super(key + ": " + problem);
  }
}
