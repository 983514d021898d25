import type { Core } from '@strapi/strapi';
import {
  ALWAYS_HIDDEN,
  COMMON_FIELDS,
  COMPONENT_VIEWS,
  CONTENT_TYPE_VIEWS,
  type AdminViewSpec,
  type EditRow,
  type FieldText,
} from './admin-labels';

/*
 * Content Manager views (labels, list columns, sort, edit rows) for operators.
 *
 * Ownership rule, so that what an operator changes in the admin survives every later boot:
 * each value we manage (a label, a hint, a setting, the list columns, the edit rows) is written
 * only while it still holds what we wrote last time. What we wrote is kept per model in the core
 * store (`core_shangmen_admin_views`). On the first run for a model (no record yet) labels,
 * hints and placeholders are written only where they are still Strapi's default (label = the
 * attribute name, empty hint); layouts and flags are written outright. When a developer adds an
 * attribute, Strapi appends it to the stored layout; the comparison ignores attributes added
 * since our record, so the new layout from admin-labels.ts still replaces an untouched one.
 * A boot with nothing to change costs one read per model and no write.
 */

// ---------------------------------------------------------------------------------------------
// Shapes stored by the Content Manager (see @strapi/content-manager services/utils/configuration)

export interface EditMetadata {
  label?: string;
  description?: string;
  placeholder?: string;
  visible?: boolean;
  editable?: boolean;
  mainField?: string;
}

export interface ListMetadata {
  label?: string;
  searchable?: boolean;
  sortable?: boolean;
}

export interface FieldMetadata {
  edit: EditMetadata;
  list: ListMetadata;
}

export interface LayoutCell {
  name: string;
  size: number;
}

export interface ViewConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, FieldMetadata>;
  layouts: { list: string[]; edit: LayoutCell[][] };
}

/** The Content Manager's view of a model: its attributes include id, documentId and timestamps. */
export interface ModelAttribute {
  type: string;
  relation?: string;
  targetModel?: string;
}

export interface ManagerModel {
  uid: string;
  modelType?: string;
  attributes: Record<string, ModelAttribute>;
  config?: { attributes?: Record<string, { hidden?: boolean }> };
}

/** The values we want; absent keys are left to Strapi or the operator. */
export interface DesiredView {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Partial<EditMetadata>; list: Partial<ListMetadata> }>;
  layouts: { list?: string[]; edit?: LayoutCell[][] };
}

/** What we wrote for one model, and the attributes it had then. */
export interface AppliedView extends DesiredView {
  attributes: string[];
}

export type AppliedViews = Record<string, AppliedView>;

// ---------------------------------------------------------------------------------------------
// Field rules, mirroring the Content Manager's own (services/utils/configuration/attributes.js)
// so that everything we write passes its validation when an operator saves the view.

const SYSTEM_FIELDS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'publishedAt']);
const NON_LISTABLE_TYPES = new Set(['json', 'password', 'richtext', 'dynamiczone', 'blocks']);
const NON_SORTABLE_TYPES = new Set(['component', 'json', 'media', 'richtext', 'dynamiczone', 'blocks']);
const SORTABLE_RELATIONS = new Set(['oneToOne', 'manyToOne']);
const FULL_WIDTH_TYPES = new Set(['component', 'dynamiczone', 'json', 'richtext', 'blocks']);
const NARROW_TYPES = new Set(['boolean', 'date', 'time', 'biginteger', 'decimal', 'float', 'integer']);
const ROW_WIDTH = 12;
const DEFAULT_LIST_COLUMNS = 5;
const DEFAULT_PAGE_SIZE = 20;
const MAIN_FIELD_CANDIDATES = ['name', 'title', 'code', 'label'];

const hiddenByConfig = (model: ManagerModel, name: string) => model.config?.attributes?.[name]?.hidden === true;

export function isListable(model: ManagerModel, name: string): boolean {
  const attribute = model.attributes[name];
  if (!attribute || hiddenByConfig(model, name)) return false;
  return !NON_LISTABLE_TYPES.has(attribute.type);
}

export function isSortable(model: ManagerModel, name: string): boolean {
  const attribute = model.attributes[name];
  if (!attribute) return false;
  if (model.modelType === 'component' && name === 'id') return false;
  if (NON_SORTABLE_TYPES.has(attribute.type)) return false;
  if (attribute.type === 'relation') return SORTABLE_RELATIONS.has(attribute.relation ?? '');
  return true;
}

/** May appear in the edit layout. */
export function isEditable(model: ManagerModel, name: string): boolean {
  return Boolean(model.attributes[name]) && !hiddenByConfig(model, name) && !SYSTEM_FIELDS.has(name);
}

const canBeMainField = (model: ManagerModel, name: string) => name === 'id' || (isListable(model, name) && isSortable(model, name));

function guessMainField(model: ManagerModel): string | undefined {
  return MAIN_FIELD_CANDIDATES.find((name) => model.attributes[name]?.type === 'string');
}

// ---------------------------------------------------------------------------------------------
// Desired view: labels and layout from the spec, checked against the model.

/** Width of a field: full-width types always 12; a field alone in its row spans it unless it is a
 * number, flag or date; otherwise 4 for those and 6 for the rest (Strapi's own defaults). */
function widthOf(attribute: ModelAttribute, aloneInRow: boolean): number {
  if (FULL_WIDTH_TYPES.has(attribute.type)) return ROW_WIDTH;
  if (NARROW_TYPES.has(attribute.type)) return 4;
  return aloneInRow ? ROW_WIDTH : 6;
}

/** Rows wider than 12 are split; the Content Manager would otherwise reject the layout. */
function fitRow(cells: LayoutCell[]): LayoutCell[][] {
  const rows: LayoutCell[][] = [];
  let row: LayoutCell[] = [];
  let width = 0;
  for (const cell of cells) {
    if (width + cell.size > ROW_WIDTH && row.length > 0) {
      rows.push(row);
      row = [];
      width = 0;
    }
    row.push(cell);
    width += cell.size;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

export function buildEditLayout(model: ManagerModel, rows: readonly EditRow[], hidden: ReadonlySet<string>): LayoutCell[][] {
  const shown = (name: string) => isEditable(model, name) && !hidden.has(name);
  const placed = new Set<string>();
  const layout: LayoutCell[][] = [];
  for (const row of rows) {
    const names = row.map((entry) => (typeof entry === 'string' ? [entry, undefined] as const : entry)).filter(([name]) => shown(name));
    const cells = names.map(([name, size]) => {
      placed.add(name);
      const attribute = model.attributes[name];
      const natural = widthOf(attribute, names.length === 1);
      const width = FULL_WIDTH_TYPES.has(attribute.type) ? ROW_WIDTH : Math.min(size ?? natural, ROW_WIDTH);
      return { name, size: width, fixed: size !== undefined || FULL_WIDTH_TYPES.has(attribute.type) };
    });
    // A row the spec groups together stays one row: e.g. enum 6 + two numbers 4 become 4/4/4.
    const total = cells.reduce((sum, cell) => sum + cell.size, 0);
    if (total > ROW_WIDTH && cells.length <= 4 && cells.every((cell) => !cell.fixed)) {
      for (const cell of cells) cell.size = Math.floor(ROW_WIDTH / cells.length);
    }
    layout.push(...fitRow(cells.map(({ name, size }) => ({ name, size }))));
  }
  // Fields the spec does not place (added later, or a type without spec) go at the end, packed.
  const rest = Object.keys(model.attributes)
    .filter((name) => shown(name) && !placed.has(name))
    .map((name) => ({ name, size: widthOf(model.attributes[name], false) }));
  return [...layout, ...fitRow(rest)];
}

function labelFor(spec: AdminViewSpec | undefined, name: string): FieldText | undefined {
  return spec?.fields[name] ?? COMMON_FIELDS[name];
}

export function buildDesiredView(
  model: ManagerModel,
  spec: AdminViewSpec | undefined,
  relationMainField: (target: string) => string | undefined,
): DesiredView {
  const isComponent = model.modelType === 'component';
  const hidden = new Set([...ALWAYS_HIDDEN, ...(spec?.hidden ?? [])].filter((name) => model.attributes[name]));
  for (const name of Object.keys(model.attributes)) if (hiddenByConfig(model, name)) hidden.add(name);
  const readOnly = new Set(spec?.readOnly ?? []);

  const metadatas: DesiredView['metadatas'] = {};
  for (const [name, attribute] of Object.entries(model.attributes)) {
    const text = labelFor(spec, name);
    const edit: Partial<EditMetadata> = {};
    const list: Partial<ListMetadata> = {};
    if (text) {
      list.label = text.label;
      // id and documentId have no edit metadata in Strapi; keep it that way.
      if (name !== 'id' && name !== 'documentId') {
        edit.label = text.label;
        if (text.description) edit.description = text.description;
        if (text.placeholder) edit.placeholder = text.placeholder;
      }
    }
    if (!SYSTEM_FIELDS.has(name)) {
      edit.visible = !hidden.has(name);
      edit.editable = !readOnly.has(name);
      list.sortable = !hidden.has(name) && isSortable(model, name);
      list.searchable = !hidden.has(name) && isSortable(model, name);
      if (attribute.type === 'relation' && attribute.targetModel) {
        const mainField = relationMainField(attribute.targetModel);
        if (mainField) edit.mainField = mainField;
      }
    }
    metadatas[name] = { edit, list };
  }

  const settings: Record<string, unknown> = {};
  const mainField = spec?.mainField ?? guessMainField(model);
  if (mainField && canBeMainField(model, mainField)) settings.mainField = mainField;
  if (!isComponent) {
    settings.pageSize = spec?.pageSize ?? DEFAULT_PAGE_SIZE;
    const sort = spec?.defaultSort ?? (model.attributes.sort ? { by: 'sort', order: 'ASC' as const } : undefined);
    if (sort && (sort.by === 'id' || (isListable(model, sort.by) && isSortable(model, sort.by)))) {
      settings.defaultSortBy = sort.by;
      settings.defaultSortOrder = sort.order;
    }
  }

  const columns = (spec?.list ?? []).filter((name) => isListable(model, name) && !hidden.has(name));
  const list =
    columns.length > 0
      ? columns
      : Object.keys(model.attributes)
          .filter((name) => isListable(model, name) && !hidden.has(name) && !SYSTEM_FIELDS.has(name))
          .slice(0, DEFAULT_LIST_COLUMNS);

  return { settings, metadatas, layouts: { list, edit: buildEditLayout(model, spec?.edit ?? [], hidden) } };
}

// ---------------------------------------------------------------------------------------------
// Reconciliation: desired vs stored vs what we wrote last time.

/** Structural equality for JSON values; key order does not matter (stored JSON may reorder). */
export function isEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => isEqual(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  if (keys.length !== Object.keys(right).filter((key) => right[key] !== undefined).length) return false;
  return keys.every((key) => isEqual(left[key], right[key]));
}

type Slot = 'label' | 'description' | 'placeholder' | string;

/** Strapi's value for a text slot we never wrote: the attribute name as label, empty hints. */
function isStrapiDefault(field: string, slot: Slot, value: unknown): boolean {
  if (slot === 'label') return value === undefined || value === field;
  if (slot === 'description' || slot === 'placeholder') return value === undefined || value === null || value === '';
  return true;
}

function ours(current: unknown, previous: unknown, field: string, slot: Slot): boolean {
  return previous === undefined ? isStrapiDefault(field, slot, current) : isEqual(current, previous);
}

/** Merges `desired` into `current` slot by slot; returns the merged record of what is ours. */
function reconcileRecord(
  current: Record<string, unknown>,
  desired: Record<string, unknown>,
  previous: Record<string, unknown> | undefined,
  field: string,
): { next: Record<string, unknown>; applied: Record<string, unknown> } {
  const next = { ...current };
  const applied: Record<string, unknown> = {};
  for (const [slot, value] of Object.entries(desired)) {
    const before = previous?.[slot];
    if (ours(current[slot], before, field, slot)) {
      next[slot] = value;
      applied[slot] = value;
    } else if (before !== undefined) {
      applied[slot] = before;
    }
  }
  return { next, applied };
}

/** Layout comparison that ignores attributes gone from the model or added after our record. */
function comparableNames(previous: AppliedView, attributes: readonly string[]): Set<string> {
  const now = new Set(attributes);
  return new Set(previous.attributes.filter((name) => now.has(name)));
}

function layoutIsOurs<T>(current: T, previous: T | undefined, normalise: (value: T) => T): boolean {
  return previous === undefined || isEqual(normalise(current), normalise(previous));
}

export function reconcileView(
  current: ViewConfiguration,
  desired: DesiredView,
  previous: AppliedView | undefined,
  attributes: readonly string[],
): { next: ViewConfiguration; applied: AppliedView } {
  const settings = reconcileRecord(current.settings, desired.settings, previous?.settings, '');

  const metadatas: Record<string, FieldMetadata> = { ...current.metadatas };
  const appliedMetadatas: AppliedView['metadatas'] = {};
  for (const [field, want] of Object.entries(desired.metadatas)) {
    const have = current.metadatas[field] ?? { edit: {}, list: {} };
    const before = previous?.metadatas[field];
    const edit = reconcileRecord(have.edit as Record<string, unknown>, want.edit, before?.edit, field);
    const list = reconcileRecord(have.list as Record<string, unknown>, want.list, before?.list, field);
    metadatas[field] = { edit: edit.next as EditMetadata, list: list.next as ListMetadata };
    appliedMetadatas[field] = { edit: edit.applied, list: list.applied };
  }

  const known = previous ? comparableNames(previous, attributes) : new Set<string>();
  const normaliseList = (list: string[]) => list.filter((name) => known.has(name));
  const normaliseEdit = (rows: LayoutCell[][]) =>
    rows.map((row) => row.filter((cell) => known.has(cell.name))).filter((row) => row.length > 0);

  const layouts = { ...current.layouts };
  const appliedLayouts: AppliedView['layouts'] = {};
  if (desired.layouts.list) {
    if (layoutIsOurs(current.layouts.list, previous?.layouts.list, normaliseList)) {
      layouts.list = desired.layouts.list;
      appliedLayouts.list = desired.layouts.list;
    } else if (previous?.layouts.list) {
      appliedLayouts.list = previous.layouts.list;
    }
  }
  if (desired.layouts.edit) {
    if (layoutIsOurs(current.layouts.edit, previous?.layouts.edit, normaliseEdit)) {
      layouts.edit = desired.layouts.edit;
      appliedLayouts.edit = desired.layouts.edit;
    } else if (previous?.layouts.edit) {
      appliedLayouts.edit = previous.layouts.edit;
    }
  }

  return {
    next: { settings: settings.next, metadatas, layouts },
    applied: { attributes: [...attributes], settings: settings.applied, metadatas: appliedMetadatas, layouts: appliedLayouts },
  };
}

// ---------------------------------------------------------------------------------------------
// Wiring to the Content Manager services.

interface ConfigurationService {
  findConfiguration(model: ManagerModel): Promise<ViewConfiguration & { uid: string }>;
  updateConfiguration(model: ManagerModel, configuration: ViewConfiguration): Promise<unknown>;
}

interface ContentTypesService extends ConfigurationService {
  findContentType(uid: string): ManagerModel | undefined;
}

interface ComponentsService extends ConfigurationService {
  findComponent(uid: string): ManagerModel | undefined;
}

const STORE_ENTRY = { type: 'core' as const, name: 'shangmen', key: 'admin_views' };
export const USER_UID = 'plugin::users-permissions.user';

// Our local plugins' content types appear in the Content Manager too (orders, payments, ledger).
const OWN_PLUGINS = ['plugin::orders.', 'plugin::payments.', 'plugin::settlement.', 'plugin::tracking.'];

/** Every model operators edit: our content types, the members' user type, our components. */
export function managedModels(strapi: Core.Strapi): { contentTypes: string[]; components: string[] } {
  const visible = (uid: string) => (strapi.contentTypes as Record<string, any>)[uid]?.pluginOptions?.['content-manager']?.visible !== false;
  const contentTypes = Object.keys(strapi.contentTypes).filter(
    (uid) => uid.startsWith('api::') || (OWN_PLUGINS.some((p) => uid.startsWith(p)) && visible(uid)),
  );
  if (strapi.contentTypes[USER_UID as keyof typeof strapi.contentTypes]) contentTypes.push(USER_UID);
  return { contentTypes, components: Object.keys(strapi.components) };
}

export async function configureAdminLayouts(strapi: Core.Strapi): Promise<void> {
  const cm = strapi.plugin('content-manager');
  const contentTypes = cm.service('content-types') as ContentTypesService;
  const components = cm.service('components') as ComponentsService;
  const previous = ((await strapi.store.get(STORE_ENTRY)) ?? {}) as AppliedViews;

  const relationMainField = (target: string): string | undefined => {
    const model = contentTypes.findContentType(target);
    if (!model) return undefined;
    const wanted = CONTENT_TYPE_VIEWS[target]?.mainField ?? guessMainField(model);
    return wanted && (wanted === 'id' || isListable(model, wanted)) ? wanted : undefined;
  };

  const { contentTypes: typeUids, components: componentUids } = managedModels(strapi);
  const jobs = [
    ...typeUids.map((uid) => ({ uid, service: contentTypes, model: contentTypes.findContentType(uid), spec: CONTENT_TYPE_VIEWS[uid] })),
    ...componentUids.map((uid) => ({ uid, service: components, model: components.findComponent(uid), spec: COMPONENT_VIEWS[uid] })),
  ];

  const applied: AppliedViews = {};
  let written = 0;
  for (const { uid, service, model, spec } of jobs) {
    if (!model) continue;
    const stored = await service.findConfiguration(model);
    const current: ViewConfiguration = { settings: stored.settings, metadatas: stored.metadatas, layouts: stored.layouts };
    const desired = buildDesiredView(model, spec, relationMainField);
    const result = reconcileView(current, desired, previous[uid], Object.keys(model.attributes));
    applied[uid] = result.applied;
    if (!isEqual(result.next, current)) {
      await service.updateConfiguration(model, result.next);
      written += 1;
    }
  }

  if (!isEqual(applied, previous)) await strapi.store.set({ ...STORE_ENTRY, value: applied });
  if (written > 0) strapi.log.info(`[admin-views] updated the Content Manager view of ${written} model(s)`);
}
