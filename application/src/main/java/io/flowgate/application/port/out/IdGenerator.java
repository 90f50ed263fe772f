package io.flowgate.application.port.out;

/**
 * New ids for every aggregate: 20 URL-safe characters that sort roughly by creation time, so
 * id-ordered pages list older things first.
 */
public interface IdGenerator {

    String newId();
}
