import { Countdown, Poller, secondsUntil, stopAllTimers } from '../../../src/stores/timers';

afterEach(() => {
  jest.useRealTimers();
});

describe('#secondsUntil', () => {
  it('should round up to whole seconds and never go below 0', () => {
    const now = Date.parse('2025-01-01T00:00:00.000Z');

    expect(secondsUntil('2025-01-01T00:00:59.001Z', now)).toBe(60);
    expect(secondsUntil('2025-01-01T00:00:01.000Z', now)).toBe(1);
    expect(secondsUntil('2024-12-31T23:59:00.000Z', now)).toBe(0);
  });

  it('should be 0 without a time', () => {
    expect(secondsUntil(undefined, Date.now())).toBe(0);
    expect(secondsUntil('', Date.now())).toBe(0);
    expect(secondsUntil('not a time', Date.now())).toBe(0);
  });
});

describe('#Countdown', () => {
  it('should tick every second until the tick answers false', () => {
    jest.useFakeTimers();
    const countdown = new Countdown();
    let left = 3;
    const tick = jest.fn(() => --left > 0);

    countdown.start(tick);
    jest.advanceTimersByTime(999);
    expect(tick).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(tick).toHaveBeenCalledTimes(1);
    expect(countdown.running).toBe(true);

    jest.advanceTimersByTime(10_000);
    expect(tick).toHaveBeenCalledTimes(3);
    expect(countdown.running).toBe(false);
  });

  it('should stop, and keep one timer when started again', () => {
    jest.useFakeTimers();
    const countdown = new Countdown();
    const first = jest.fn(() => true);
    const second = jest.fn(() => true);

    countdown.start(first);
    countdown.start(second);
    jest.advanceTimersByTime(2000);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(2);

    countdown.stop();
    jest.advanceTimersByTime(5000);
    expect(second).toHaveBeenCalledTimes(2);
    expect(countdown.running).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('#Poller', () => {
  it('should run once after the interval, not pending while it runs', () => {
    jest.useFakeTimers();
    const poller = new Poller();
    const seen: boolean[] = [];
    const poll = jest.fn(() => seen.push(poller.pending));

    poller.schedule(1500, poll);
    expect(poller.pending).toBe(true);
    jest.advanceTimersByTime(1499);
    expect(poll).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(poll).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([false]);

    jest.advanceTimersByTime(10_000);
    expect(poll).toHaveBeenCalledTimes(1);
  });

  it('should replace a scheduled poll, and drop it when stopped', () => {
    jest.useFakeTimers();
    const poller = new Poller();
    const first = jest.fn();
    const second = jest.fn();

    poller.schedule(1000, first);
    poller.schedule(2000, second);
    jest.advanceTimersByTime(2000);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);

    poller.schedule(1000, first);
    poller.stop();
    jest.advanceTimersByTime(5000);
    expect(first).not.toHaveBeenCalled();
    expect(poller.pending).toBe(false);
  });
});

describe('#stopAllTimers', () => {
  it('should stop every countdown and poller still running, whoever started them', () => {
    jest.useFakeTimers();
    const joinWait = new Countdown();
    const clock = new Countdown(15_000);
    const poller = new Poller();
    const tick = jest.fn(() => true);
    const poll = jest.fn();
    joinWait.start(tick);
    clock.start(tick);
    poller.schedule(2000, poll);

    stopAllTimers();
    jest.advanceTimersByTime(10 * 60_000);

    expect(tick).not.toHaveBeenCalled();
    expect(poll).not.toHaveBeenCalled();
    expect([joinWait.running, clock.running, poller.pending]).toEqual([false, false, false]);
  });

  it('should let a timer started afterwards run as usual', () => {
    jest.useFakeTimers();
    stopAllTimers();
    const countdown = new Countdown(15_000);
    const tick = jest.fn(() => true);

    countdown.start(tick);
    jest.advanceTimersByTime(30_000);

    expect(tick).toHaveBeenCalledTimes(2);
    countdown.stop();
  });
});
