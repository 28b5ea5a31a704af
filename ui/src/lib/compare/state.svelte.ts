// What the Compare screen is comparing, kept across visits.
export const compareState = $state({
  /** Actor names as the user typed or picked them. */
  actors: [] as string[],
  /** Theme keys. */
  themes: [] as string[],
  /** Heatmap: only this group's members (and the group); "" for everyone. */
  group: "",
  tab: "columns" as "columns" | "heatmap",
});
