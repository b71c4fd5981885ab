package io.twinworks.runtime.security;

/** A request outside its token's scope; answered with 403 and this message. */
public final class ForbiddenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message, null, false, false);
  }
}
