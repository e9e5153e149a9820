package io.eventide.study.internal;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Internal: where an internal SPI finds its implementation, which lives package-private in a public
 * package (so that its internals are not copied) and installs itself from a static initializer when
 * that class is first loaded. The slot loads the class on first use if nothing has installed it
 * yet, and refuses a second installation.
 *
 * @param <K> the kernel interface
 */
public final class KernelSlot<K> {

  private final String name;
  private final String implementation;
  private final ClassLoader loader;
  private final AtomicReference<K> kernel = new AtomicReference<>();

  /**
   * @param name what the kernel is, for the messages ({@code "study"}: "The study kernel ...")
   * @param implementation the binary name of the class that installs it when initialized
   * @param owner a class whose loader loads the implementation
   */
  public KernelSlot(String name, String implementation, Class<?> owner) {
    this.name = Objects.requireNonNull(name, "name");
    this.implementation = Objects.requireNonNull(implementation, "implementation");
    this.loader = owner.getClassLoader();
  }

  /**
   * Called once by the implementation; a second call fails.
   *
   * @param k the implementation
   * @throws IllegalStateException if one is installed already
   */
  public synchronized void install(K k) {
    if (kernel.get() != null) {
      throw new IllegalStateException("The " + name + " kernel is installed already");
    }
    kernel.set(Objects.requireNonNull(k, "kernel"));
  }

  /**
   * @return the implementation, its class initialized first if it has not installed itself yet
   * @throws IllegalStateException if the class is missing (an incomplete eventide-core)
   */
  public K get() {
    K k = kernel.get();
    if (k == null) {
      try {
        Class.forName(implementation, true, loader);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("eventide-core is incomplete: " + e, e);
      }
      k = kernel.get();
    }
    return k;
  }
}
