// Stores keep counting down after a test is over (a 激活码 wait lasts up to 10 minutes); with the tests
// run in jest's own process (2 cores → one worker) such a timer kept jest from exiting for minutes.
import { stopAllTimers } from '../../../src/stores/timers';

afterEach(() => {
  stopAllTimers();
});
