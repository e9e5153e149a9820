package io.eventide.study;

import io.eventide.event.EventWindow;
import java.util.List;

/**
 * A specification resolved into offsets: the estimation range, the event span, the test windows and
 * the combined window of the rank test, all as relative days and array positions. Kernels see only
 * these integers.
 */
final class StudyLayout {

  final int estFrom;
  final int estTo;
  final int estLen;
  final int spanFrom;
  final int spanTo;
  final int spanLen;
  final int combinedLen;
  final List<EventWindow> testWindows;
  final int studyWindowCount;
  final int windowCount;
  final int[] windowFrom;
  final int[] windowTo;
  final int maskWords;

  StudyLayout(StudySpecification spec) {
    EventWindow est = spec.estimationWindow();
    EventWindow span = spec.eventSpan();
    estFrom = est.fromInclusive();
    estTo = est.toInclusive();
    estLen = est.length();
    spanFrom = span.fromInclusive();
    spanTo = span.toInclusive();
    spanLen = span.length();
    combinedLen = estLen + spanLen;
    testWindows = spec.testWindows();
    studyWindowCount = spec.eventWindows().size();
    windowCount = testWindows.size();
    windowFrom = new int[windowCount];
    windowTo = new int[windowCount];
    for (int w = 0; w < windowCount; w++) {
      windowFrom[w] = testWindows.get(w).fromInclusive();
      windowTo[w] = testWindows.get(w).toInclusive();
    }
    maskWords = (windowCount + 63) >>> 6;
  }

  /**
   * @param window a test window
   * @return its index, or -1
   */
  int windowIndex(EventWindow window) {
    return testWindows.indexOf(window);
  }

  /**
   * @param w a test window index
   * @return the position of its first day in the combined (estimation + span) window
   */
  int rankFrom(int w) {
    return estLen + windowFrom[w] - spanFrom;
  }
}
