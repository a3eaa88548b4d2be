/** The shape of every part of the secretariat's desk: an element a page mounts, and an unmount that lets go of what it holds. */

/** A mounted part of a page. */
export interface Widget {
  readonly element: HTMLElement;
  /** Detaches the element and stops whatever the widget started (requests, timers, listeners). */
  unmount(): void;
}
