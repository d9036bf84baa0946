package goals_test

// Documented examples (the Chat API docs, goals) and a real recorded object
// (from a live account via Airbyte's expected records).
const (
	seedList = `[  {    "attribution_model": "first_touch",    "attribution_period": 30,    "description": "A sample goal",    "enabled": 1,    "id": 1,    "name": "Goal 1",    "settings": {      "conditions": [        {          "operator": "equals",          "type": "url",          "value": "http://cart.com/"        },        {          "operator": "contains",          "type": "url",          "value": "cart"        }      ]    }  },  {    "attribution_model": "last_touch",    "attribution_period": 15,    "description": "A sample goal",    "id": 2,    "name": "Goal 2",    "settings": {      "conditions": [        {          "operator": "equals",          "type": "url",          "value": "http://zopim.com/"        },        {          "operator": "contains",          "type": "url",          "value": "zopim"        }      ]    }  }]`

	seedGoal = `{  "attribution_model": "first_touch",  "attribution_period": 30,  "description": "A sample goal",  "enabled": 1,  "id": 1,  "name": "Goal 1",  "settings": {    "conditions": [      {        "operator": "equals",        "type": "url",        "value": "http://cart.com/"      },      {        "operator": "contains",        "type": "url",        "value": "cart"      }    ]  }}`

	seedCreateBody = `{        "name" : "Goal 3",        "description" : "A new goal",        "enabled" : 1,        "attribution_model" : "first_touch",        "attribution_period": 15,        "settings" : {          "conditions": [            {              "operator": "equals",              "type": "url",              "value": "http://mysite.com/"            }          ]        }      }`

	seedUpdateResponse = `{  "attribution_model": "first_touch",  "attribution_period": 15,  "description": "A mew goal",  "enabled": 1,  "id": 3,  "name": "Good goal",  "settings": {    "conditions": [      {        "operator": "equals",        "type": "url",        "value": "http://mysite.com/"      }    ]  }}`

	recordedGoal = `{"enabled": false, "attribution_model": "first_touch", "description": "A new goal - 1", "name": "Goal one", "id": 529641, "attribution_period": 5, "settings": {"conditions": [{"operator": "equals", "type": "url", "value": "http://mysite.com/"}]}}`
)
