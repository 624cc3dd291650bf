import { createContext } from 'preact';
import { useContext, useEffect } from 'preact/hooks';

/** Lets a page name itself in the one <h1> its frame owns (the frame keeps focus on it across loads). */
export const HeadingContext = createContext<(heading: string | undefined) => void>(() => undefined);

/** Sets the page's heading while the component is shown; undefined goes back to the menu label. */
export function useHeading(heading: string | undefined): void {
  const setHeading = useContext(HeadingContext);
  useEffect(() => {
    setHeading(heading);
  }, [heading, setHeading]);
  useEffect(() => () => setHeading(undefined), [setHeading]);
}
