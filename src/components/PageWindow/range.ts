/** Which groups of a long list are drawn; the others stand as spacers of their height. */
export interface GroupRange {
  /** The first group drawn. */
  first: number;
  /** One past the last group drawn. */
  last: number;
}

export interface ListGeometry {
  /** Each group's height (px): as measured, or estimated for a group never drawn. */
  heights: number[];
  /** The list's top relative to the viewport's top (px; negative once scrolled past it). */
  top: number;
  /** The viewport's height (px). */
  viewport: number;
}

/**
 * The groups on screen or within half a screen of it, at most `maxGroups` of them (those around the
 * screen's middle); when the list is wholly below or above the screen, the groups nearest to it.
 */
export function groupsToDraw({ heights, top, viewport }: ListGeometry, maxGroups: number): GroupRange {
  const count = heights.length;
  const margin = viewport / 2;
  let first = -1;
  let last = -1;
  let middle = -1;
  let y = top;
  heights.forEach((height, i) => {
    const bottom = y + height;
    if (bottom > -margin && y < viewport + margin) {
      if (first < 0) first = i;
      last = i + 1;
    }
    if (middle < 0 && bottom > viewport / 2) middle = i;
    y = bottom;
  });
  if (first < 0) {
    return top > 0
      ? { first: 0, last: Math.min(count, maxGroups) }
      : { first: Math.max(0, count - maxGroups), last: count };
  }
  if (last - first <= maxGroups) return { first, last };
  const centre = Math.min(Math.max(middle, first), last - 1);
  const from = Math.max(first, Math.min(centre - Math.floor((maxGroups - 1) / 2), last - maxGroups));
  return { first: from, last: from + maxGroups };
}
