/**
 * Installs the English catalog, compiled from its source as the build does, for tests of client
 * code that reads `t()`: import this module first.
 */
import { speak } from "./speak";

speak("en");
