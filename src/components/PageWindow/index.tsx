import { Fragment, useEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import Taro, { usePageScroll } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { groupsToDraw, type GroupRange } from './range';
import './index.scss';

/** Items per group: the unit drawn or replaced by a spacer. */
const GROUP_SIZE = 5;
/**
 * Groups drawn at most: 20 items, one page of the account list — a screen never holds more nodes
 * than the first page did, however long the list (WeChat's audit: fewer than 1,000).
 */
const MAX_GROUPS = 4;

interface PageWindowProps<T> {
  items: T[];
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  /** An item's likely height (px), for a group that was never drawn. */
  estimatedItemHeight: number;
}

interface Rect {
  id?: string;
  top: number;
  height: number;
}

let windows = 0;

/**
 * A long list in a page that scrolls as a whole: only the groups of items on and near the screen
 * are drawn; the others stand as one spacer above and one below, of their measured height, so the
 * page keeps its length and scrolling back shows the same rows where they were.
 */
export function PageWindow<T>({ items, keyOf, render, estimatedItemHeight }: PageWindowProps<T>) {
  const [id] = useState(() => `page-window-${++windows}`);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  /** Measured heights by group; kept while the group is a spacer. */
  const heights = useRef<number[]>([]);
  /** Where the list's top was on the screen at the last measurement, and the screen's height. */
  const geometry = useRef<{ top: number; viewport: number } | null>(null);
  const measuring = useRef({ busy: false, again: false });
  const drawnRange = useRef<GroupRange>({ first: 0, last: 0 });
  // What a measurement answered after a later drawing needs: the list as it is now.
  const latest = useRef({ items, estimatedItemHeight });
  latest.current = { items, estimatedItemHeight };

  const groupCount = (count: number) => Math.ceil(count / GROUP_SIZE);
  const heightOf = (group: number) =>
    heights.current[group] ??
    Math.min(GROUP_SIZE, latest.current.items.length - group * GROUP_SIZE) * latest.current.estimatedItemHeight;
  /** The groups to draw: around the screen as last measured (a group not drawn yet at its estimate);
   * before any measurement (or with no layout to measure), the list's end — where a new page arrives. */
  const rangeNow = (): GroupRange => {
    const count = groupCount(latest.current.items.length);
    const at = geometry.current;
    if (!at) return { first: Math.max(0, count - MAX_GROUPS), last: count };
    const all = Array.from({ length: count }, (_, g) => heightOf(g));
    return groupsToDraw({ heights: all, top: at.top, viewport: at.viewport }, MAX_GROUPS);
  };

  // Where the list is now: one query for the list's top and the drawn groups' heights.
  const measure = () => {
    const state = measuring.current;
    if (state.busy) {
      state.again = true;
      return;
    }
    state.busy = true;
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .boundingClientRect()
      .selectAll('.page-window__group')
      .boundingClientRect()
      .exec((result: [Rect | null, Rect[] | null] | undefined) => {
        state.busy = false;
        const [list, groups] = result ?? [null, null];
        // A list of no height: nothing laid out (jsdom), so nothing to place the window by.
        if (list && list.height > 0) {
          const prefix = `${id}-`;
          for (const group of groups ?? []) {
            if (group.id?.startsWith(prefix)) heights.current[Number(group.id.slice(prefix.length))] = group.height;
          }
          geometry.current = { top: list.top, viewport: Taro.getWindowInfo().windowHeight };
          const next = rangeNow();
          const drawn = drawnRange.current;
          if (next.first !== drawn.first || next.last !== drawn.last) redraw();
        }
        if (state.again) {
          state.again = false;
          measure();
        }
      });
  };
  const latestMeasure = useRef(measure);
  latestMeasure.current = measure;

  const range = rangeNow();
  drawnRange.current = range;
  usePageScroll(measure);
  // After every drawing: the drawn groups' real heights, and whether the range still fits.
  useEffect(() => latestMeasure.current(), [range.first, range.last, items]);

  const spacer = (from: number, to: number) => {
    let sum = 0;
    for (let g = from; g < to; g++) sum += heightOf(g);
    return sum;
  };
  const count = groupCount(items.length);
  const drawn: ReactNode[] = [];
  for (let g = range.first; g < range.last; g++) {
    drawn.push(
      <View key={g} id={`${id}-${g}`} className='page-window__group'>
        {items.slice(g * GROUP_SIZE, (g + 1) * GROUP_SIZE).map((item) => (
          <Fragment key={keyOf(item)}>{render(item)}</Fragment>
        ))}
      </View>,
    );
  }
  return (
    <View id={id}>
      {range.first > 0 && <View style={{ height: `${spacer(0, range.first)}px` }} />}
      {drawn}
      {range.last < count && <View style={{ height: `${spacer(range.last, count)}px` }} />}
    </View>
  );
}
