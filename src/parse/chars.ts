// Character classes of the hot loops, by code unit: a switch on a number is much cheaper than a
// Set lookup of a one-character string for every character of a document.

/** +1 for an opening bracket or quote (（〔【[「《“), -1 for its closer, 0 for anything else. */
export const bracketOf = (c: number): number => {
  switch (c) {
    case 0xff08: case 0x3014: case 0x3010: case 0x5b: case 0x300c: case 0x300a: case 0x201c:
      return 1;
    case 0xff09: case 0x3015: case 0x3011: case 0x5d: case 0x300d: case 0x300b: case 0x201d:
      return -1;
    default:
      return 0;
  }
};

/** The brackets a role block is written in: （〔【[ → +1, ）〕】] → -1 (not quotes or book titles). */
export const roleBracketOf = (c: number): number => {
  switch (c) {
    case 0xff08: case 0x3014: case 0x3010: case 0x5b:
      return 1;
    case 0xff09: case 0x3015: case 0x3011: case 0x5d:
      return -1;
    default:
      return 0;
  }
};

/** 。；！？ and the closing brackets ）〕】: after them a new structure may start in mid-line. */
export const endsStructure = (c: number): boolean => c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0xff09 || c === 0x3015 || c === 0x3011;
