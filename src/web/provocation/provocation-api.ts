// The calls of the provocation watch's pages; the types come from the shared schemas (type-only imports).
import type {
  AssessInput,
  CounterInput,
  CounterMove,
  EvaluationFigures,
  ItemDetail,
  ItemList,
  SightingCreated,
  SightingInput,
  TakedownInput,
} from '../../shared/provocation/provocation-schema.ts';
import { queryOf, request } from '../api.ts';

export const listItems = (params: { assessment?: string; reportId?: string }) =>
  request<ItemList>('GET', `/api/provocation/items${queryOf(params)}`);
export const getItem = (id: string) => request<ItemDetail>('GET', `/api/provocation/items/${id}`);
export const assessItem = (id: string, input: AssessInput) =>
  request<ItemDetail>('POST', `/api/provocation/items/${id}/assessment`, input);
export const draftCounter = (id: string, input: CounterInput) =>
  request<ItemDetail>('POST', `/api/provocation/items/${id}/counter-messages`, input);
export const moveCounter = (
  id: string,
  move: CounterMove,
  body: { note?: string; postedWhere?: string } = {},
) => request<ItemDetail>('POST', `/api/provocation/counter-messages/${id}/${move}`, body);
export const recordSighting = (input: SightingInput) =>
  request<SightingCreated>('POST', '/api/provocation/sightings', input);
export const screenshotUrl = (sightingId: string) => `/api/provocation/sightings/${sightingId}/screenshot`;
export const requestTakedown = (id: string, input: TakedownInput) =>
  request<ItemDetail>('POST', `/api/provocation/items/${id}/takedowns`, input);
export const uploadScreenshot = (sightingId: string, file: Blob) =>
  request<{ id: string; itemId: string; merged: boolean }>('PUT', screenshotUrl(sightingId), file);
export const mergeItem = (id: string, intoId: string) =>
  request<ItemDetail>('POST', `/api/provocation/items/${id}/merge`, { intoId });
export const getEvaluation = (kabkota?: string) =>
  request<EvaluationFigures>('GET', `/api/provocation/evaluation${kabkota ? `?kabkota=${kabkota}` : ''}`);
