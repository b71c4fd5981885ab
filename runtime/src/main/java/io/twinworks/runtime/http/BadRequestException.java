package io.twinworks.runtime.http;

/** A request parameter that cannot be used; answered with 400 and this message. */
public final class BadRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BadRequestException(String message) {
    super(message, null, false, false);
  }
}
