// Workshop (/lokakarya): the quarterly routine of evaluation workshops and coordination meetings — the list
// with this quarter's reminders and one's own action items, and one workshop's page at /lokakarya/<id>.
import type { OperatorPageProps } from '../operator/OperatorPage.tsx';
import { WorkshopDetail } from './WorkshopDetail.tsx';
import { WorkshopList } from './WorkshopList.tsx';

/** The workshops list, or one workshop when the path names it. */
export function WorkshopsPage(props: OperatorPageProps) {
  return props.param ? (
    <WorkshopDetail key={props.param} id={props.param} me={props.me} />
  ) : (
    <WorkshopList me={props.me} />
  );
}
