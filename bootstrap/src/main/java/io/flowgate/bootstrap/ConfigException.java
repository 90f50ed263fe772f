package io.flowgate.bootstrap;

/** A configuration value that cannot be used; its message is the one line the operator sees. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
