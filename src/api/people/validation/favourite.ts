import { validateYupSchema, yup } from '@strapi/utils';
import { FAVOURITE_KINDS, type FavouriteKind } from '../domain/favourites';

const target = {
  kind: yup.string().oneOf([...FAVOURITE_KINDS]).required(),
  id: yup.string().trim().min(1).max(64).required(),
};

const addBody = yup.object(target).noUnknown().required();
const removeParams = yup.object(target).noUnknown();
const listQuery = yup.object({ kind: yup.string().oneOf([...FAVOURITE_KINDS]) }).noUnknown();

export interface FavouriteTarget {
  kind: FavouriteKind;
  id: string;
}

export const validateAddFavourite = async (body: unknown) => (await validateYupSchema(addBody)(body)) as FavouriteTarget;
export const validateRemoveFavourite = async (params: unknown) => (await validateYupSchema(removeParams)(params)) as FavouriteTarget;
export const validateListFavourites = async (query: unknown) => (await validateYupSchema(listQuery)(query)) as { kind?: FavouriteKind };
