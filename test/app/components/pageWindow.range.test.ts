import { groupsToDraw } from '../../../src/components/PageWindow/range';

/** 40 groups of 1,000 px each: a list 40,000 px long. */
const heights = Array.from({ length: 40 }, () => 1000);

describe('groupsToDraw', () => {
  it('should draw the groups on the screen and within half a screen of it', () => {
    // The list starts 100 px below the screen's top; the screen is 800 px high: within reach down to
    // 1,200 px on the screen, 1,100 px into the list, so groups 0 and 1 — not group 1 a screen lower.
    expect(groupsToDraw({ heights, top: 100, viewport: 800 }, 4)).toEqual({ first: 0, last: 2 });
    expect(groupsToDraw({ heights, top: 200, viewport: 800 }, 4)).toEqual({ first: 0, last: 1 });
    // Scrolled 10,500 px into the list: 10,100–11,700 px, groups 10 and 11.
    expect(groupsToDraw({ heights, top: -10500, viewport: 800 }, 4)).toEqual({ first: 10, last: 12 });
  });

  it('should keep to the most groups allowed, those around the screen’s middle', () => {
    const small = Array.from({ length: 40 }, () => 100);
    // 1,600 px within reach: 16 groups of 100 px; 4 kept around the middle (group 23 at 400 px).
    const range = groupsToDraw({ heights: small, top: -2000, viewport: 800 }, 4);
    expect(range.last - range.first).toBe(4);
    expect(range.first).toBeLessThanOrEqual(24);
    expect(range.last).toBeGreaterThan(24);
  });

  it('should draw the nearest groups when the list is off the screen', () => {
    expect(groupsToDraw({ heights, top: 5000, viewport: 800 }, 4)).toEqual({ first: 0, last: 4 });
    expect(groupsToDraw({ heights, top: -50000, viewport: 800 }, 4)).toEqual({ first: 36, last: 40 });
    expect(groupsToDraw({ heights: [], top: 0, viewport: 800 }, 4)).toEqual({ first: 0, last: 0 });
  });
});
